/**
 * The deal frames' table: for every frame of src/core/extract/deals/frames/, at least two
 * phrasings (our own sentences, in the styles of wire copy, trade press, press releases,
 * newsletters and earnings stories) and what the frame must read in them. Companies are real
 * or invented; no event here is news. A case may open with context sentences (a lead-in, the
 * deal or round a sentence refers back to): the deal it names is looked for in the whole text.
 */
import type { DealKind } from '../../../../src/core/extract/deals/kinds';
import type { DealStatus } from '../../../../src/core/extract/deals/status';

export interface FrameCase {
  /** "acquisition/active": the frame that must read the deal. */
  readonly frame: string;
  readonly text: string;
  /** The deal's parties in role order. */
  readonly parties: readonly string[];
  readonly kind?: DealKind;
  readonly value?: number | null;
  readonly currency?: string;
  readonly status?: DealStatus;
}

export const FRAME_CASES: readonly FrameCase[] = [
  // ---- acquisition
  {
    frame: 'acquisition/controlling-stake',
    text: 'Schneider Electric bought a 75% controlling stake in U.S. cooling firm Motivair for $850 million in 2024.',
    parties: ['Schneider Electric', 'Motivair'],
    value: 850e6,
  },
  {
    frame: 'acquisition/controlling-stake',
    text: 'Tata Motors will take a majority stake in battery maker Agratas Cells for ₹2,400 crore, the company said.',
    parties: ['Tata Motors', 'Agratas Cells'],
  },
  {
    frame: 'acquisition/control-of',
    text: 'The deal is the group’s largest since Schneider Electric took full control of software group AVEVA in 2023.',
    parties: ['Schneider Electric', 'AVEVA'],
  },
  {
    frame: 'acquisition/control-of',
    text: 'Liberty Global gained control of Belgian cable operator Telenet after a tender offer last year.',
    parties: ['Liberty Global', 'Telenet'],
  },
  {
    frame: 'acquisition/controlling-shareholder',
    text: 'Tencent bought shares of Kestrel Games in 2019 and became its controlling shareholder in 2021.',
    parties: ['Tencent', 'Kestrel Games'],
  },
  {
    frame: 'acquisition/controlling-shareholder',
    text: 'Alibaba purchased Intime Retail shares in 2014 and became the majority owner in 2017.',
    parties: ['Alibaba', 'Intime Retail'],
  },
  {
    frame: 'acquisition/become-owner',
    text: 'After the tender closed, Vodafone became the sole owner of Kabel Deutschland.',
    parties: ['Vodafone', 'Kabel Deutschland'],
  },
  {
    frame: 'acquisition/become-owner',
    text: 'In March, Brookfield became majority shareholder of the fibre operator Nexfibre.',
    parties: ['Brookfield Asset Management', 'Nexfibre'],
  },
  {
    frame: 'acquisition/take-private',
    text: 'Silver Lake took Dell private in 2013 in a deal worth $24.9 billion.',
    parties: ['Silver Lake', 'Dell Technologies'],
    value: 24.9e9,
  },
  {
    frame: 'acquisition/take-private',
    text: 'Thoma Bravo agreed to take cybersecurity firm Darktrace private for $5.3 billion.',
    parties: ['Thoma Bravo', 'Darktrace'],
    value: 5.3e9,
  },
  {
    frame: 'acquisition/active',
    text: 'Chief executive Dana Whitfield said Harbor Robotics is to acquire Quillon Systems for $3.1 billion.',
    parties: ['Harbor Robotics', 'Quillon Systems'],
    value: 3.1e9,
    status: 'announced',
  },
  {
    frame: 'acquisition/active',
    text: 'Cisco bought Splunk for $28 billion in 2024, its biggest purchase ever.',
    parties: ['Cisco', 'Splunk'],
    value: 28e9,
    status: 'completed',
  },
  {
    frame: 'acquisition/active',
    text: 'Mastercard agreed to buy threat-intelligence firm Recorded Future from Insight Partners for $2.65 billion.',
    parties: ['Mastercard', 'Recorded Future'],
    value: 2.65e9,
  },
  {
    frame: 'acquisition/passive',
    text: 'Beta Analytics was acquired by Acme Corp in 2019 for $200 million.',
    parties: ['Acme', 'Beta Analytics'],
    value: 200e6,
    status: 'completed',
  },
  {
    frame: 'acquisition/passive',
    text: 'Lumen Nine, the Oslo drone maker, has agreed to be bought by Kestrel Orbital for €640 million.',
    parties: ['Kestrel Orbital', 'Lumen Nine'],
    value: 640e6,
    currency: 'EUR',
  },
  {
    frame: 'acquisition/seller',
    text: 'Alibaba Group is selling its department store arm Intime to clothing conglomerate Youngor Group for 7.4 billion yuan.',
    parties: ['Youngor Group', 'Intime'],
    value: 7.4e9,
    currency: 'CNY',
  },
  {
    frame: 'acquisition/seller',
    text: 'SoftBank had agreed to sell Arm to Nvidia, but the plan was abandoned after regulators objected.',
    parties: ['Nvidia', 'Arm'],
    status: 'terminated',
  },
  {
    frame: 'acquisition/sale-of',
    text: 'The sale of Telxius to American Tower closed in 2021 for €7.7 billion.',
    parties: ['American Tower', 'Telxius'],
    value: 7.7e9,
    currency: 'EUR',
  },
  {
    frame: 'acquisition/sale-of',
    text: 'Shareholders approved the sale of Kestrel Games to Tencent on Friday.',
    parties: ['Tencent', 'Kestrel Games'],
  },
  {
    frame: 'acquisition/nominal-possessive',
    text: 'Analysts said AMD’s $4.9 billion purchase of ZT Systems gives it a rack-scale business.',
    parties: ['AMD', 'ZT Systems'],
    value: 4.9e9,
  },
  {
    frame: 'acquisition/nominal-possessive',
    text: `Broadcom's takeover of VMware was cleared by Chinese regulators in November.`,
    parties: ['Broadcom', 'VMware'],
  },
  {
    frame: 'acquisition/nominal-by',
    text: 'The acquisition of Figma by Adobe was abandoned in December after regulators objected.',
    parties: ['Adobe', 'Figma'],
    status: 'terminated',
  },
  {
    frame: 'acquisition/nominal-by',
    text: 'Regulators are reviewing the $69 billion purchase of Activision Blizzard by Microsoft.',
    parties: ['Microsoft', 'Activision Blizzard'],
    value: 69e9,
    status: 'pending',
  },
  {
    frame: 'acquisition/nominal-target',
    text: `Figma's sale to Adobe would have been the largest private software deal.`,
    parties: ['Adobe', 'Figma'],
  },
  {
    frame: 'acquisition/nominal-target',
    text: `After Mandiant's acquisition by Google, the unit kept its brand.`,
    parties: ['Google', 'Mandiant'],
  },
  {
    frame: 'acquisition/deal-for',
    text: `Synopsys's $35 billion deal for Ansys won approval from the European Commission.`,
    parties: ['Synopsys', 'Ansys'],
    value: 35e9,
  },
  { frame: 'acquisition/deal-for', text: `Investors cheered Cisco's bid for Splunk.`, parties: ['Cisco', 'Splunk'] },
  {
    frame: 'acquisition/pay-per-share',
    text: 'In a statement, IBM said it will pay $35 per share in cash for HashiCorp, valuing the deal at $6.4 billion.',
    parties: ['IBM', 'HashiCorp'],
    value: 6.4e9,
  },
  {
    frame: 'acquisition/pay-per-share',
    text: 'Kestrel Orbital offered €41 a share for Lumen Nine, a 30% premium.',
    parties: ['Kestrel Orbital', 'Lumen Nine'],
  },
  {
    frame: 'acquisition/bid-for',
    text: 'Qualcomm made an approach to buy Intel, people familiar with the matter said.',
    parties: ['Qualcomm', 'Intel'],
    status: 'rumoured',
  },
  {
    frame: 'acquisition/bid-for',
    text: 'Unilever raised its bid for GSK Consumer Healthcare to £50 billion.',
    parties: ['Unilever', 'GSK Consumer Healthcare'],
    value: 50e9,
    currency: 'GBP',
  },
  {
    frame: 'acquisition/its-acquisition',
    text: 'Solvane completed its $1.9 billion acquisition of optical-interconnect maker Lumora Photonics in August.',
    parties: ['Solvane', 'Lumora Photonics'],
    value: 1.9e9,
    status: 'completed',
  },
  {
    frame: 'acquisition/its-acquisition',
    text: 'Hewlett Packard Enterprise closed its purchase of Juniper Networks after the Justice Department settled.',
    parties: ['Hewlett Packard Enterprise', 'Juniper Networks'],
    status: 'completed',
  },
  {
    frame: 'acquisition/acquisition-of',
    text: 'A jury found that Qualcomm did not breach the licence in the 2021 acquisition of Nuvia.',
    parties: ['Qualcomm', 'Nuvia'],
  },
  {
    frame: 'acquisition/acquisition-of',
    text: 'Net debt rose to €9 billion at MásMóvil (after the acquisition of Euskaltel), the filing showed.',
    parties: ['MásMóvil', 'Euskaltel'],
  },
  {
    frame: 'acquisition/compound',
    text: 'The Adobe–Figma takeover collapsed under regulatory pressure.',
    parties: ['Adobe', 'Figma'],
    status: 'terminated',
  },
  {
    frame: 'acquisition/compound',
    text: 'Shares jumped on news of the Mars–Kellanova acquisition worth $36 billion.',
    parties: ['Mars', 'Kellanova'],
    value: 36e9,
  },

  // ---- merger
  {
    frame: 'merger/merge-with',
    text: 'Paramount Global will merge with Skydance Media in an $8 billion deal.',
    parties: ['Paramount Skydance', 'Skydance Media'],
    value: 8e9,
  },
  {
    frame: 'merger/merge-with',
    text: 'Sprint merged with T-Mobile US in 2020.',
    parties: ['Sprint', 'T-Mobile'],
    status: 'completed',
  },
  {
    frame: 'merger/agree-to-merge',
    text: 'Orange and MásMóvil have signed a binding agreement to merge their Spanish operations.',
    parties: ['Orange', 'MásMóvil'],
  },
  {
    frame: 'merger/agree-to-merge',
    text: `Nexstar and Tegna will combine to create America's largest local broadcaster.`,
    parties: ['Nexstar', 'Tegna'],
  },
  {
    frame: 'merger/nominal-between',
    text: 'The FCC approved the $8.4 billion merger between Paramount Global and Skydance Media.',
    parties: ['Paramount Skydance', 'Skydance Media'],
    value: 8.4e9,
  },
  {
    frame: 'merger/nominal-between',
    text: 'A combination of Nissan and Honda was called off in February.',
    parties: ['Nissan', 'Honda'],
    status: 'terminated',
  },
  {
    frame: 'merger/nominal-possessive',
    text: `Vodafone's merger with CK Hutchison still needs approval from the CMA.`,
    parties: ['Vodafone', 'CK Hutchison'],
    status: 'pending',
  },
  {
    frame: 'merger/nominal-possessive',
    text: `Investors welcomed Nexstar's combination with Tegna.`,
    parties: ['Nexstar', 'Tegna'],
  },
  {
    frame: 'merger/compound',
    text: 'The Nissan–Honda merger talks ended without a deal.',
    parties: ['Nissan', 'Honda'],
  },
  {
    frame: 'merger/compound',
    text: 'Regulators cleared the Vodafone-Hutchison merger in December.',
    parties: ['Vodafone', 'Hutchison'],
  },

  // ---- investment
  {
    frame: 'investment/active',
    text: 'Microsoft invested $1 billion in OpenAI in 2019.',
    parties: ['Microsoft', 'OpenAI'],
    value: 1e9,
    status: 'completed',
  },
  {
    frame: 'investment/active',
    text: 'Skydance, backed by RedBird Capital, plans to inject $1.5 billion into Paramount.',
    parties: ['Skydance', 'Paramount Skydance'],
    value: 1.5e9,
  },
  {
    frame: 'investment/amount-only',
    text: 'Figure AI is raising $675 million in a funding round. Microsoft is investing $95 million.',
    parties: ['Microsoft', 'Figure AI'],
    value: 95e6,
  },
  {
    frame: 'investment/amount-only',
    text: 'Microsoft invested $1 billion in OpenAI in 2019. After ChatGPT, Microsoft poured in another $10 billion in 2023.',
    parties: ['Microsoft', 'OpenAI'],
    value: 10e9,
  },
  // an investor acting through a vehicle is the investor: "through its venture arm X", "X's investment group", "an X-affiliated fund"
  {
    frame: 'investment/amount-only',
    text: 'Kestrel Orbital is raising $300 million in a funding round. Sony, through its venture arm Sony Innovation Fund, has committed $20 million.',
    parties: ['Sony', 'Kestrel Orbital'],
    value: 20e6,
  },
  {
    frame: 'investment/amount-only',
    text: 'Kestrel Orbital is raising $300 million in a funding round. Toyota Motor’s venture capital arm and Bosch are investing $30 million and $10 million, respectively.',
    parties: ['Bosch', 'Kestrel Orbital'],
    value: 10e6,
  },
  {
    frame: 'investment/amount-only',
    text: 'Kestrel Orbital is raising $300 million in a funding round. Nvidia and a SoftBank-affiliated fund are each providing $40 million.',
    parties: ['SoftBank', 'Kestrel Orbital'],
    value: 40e6,
  },
  {
    frame: 'investment/amount-only',
    text: 'Lumen Nine closed a €90 million Series B on Monday. Samsung’s investment group committed €5 million.',
    parties: ['Samsung Electronics', 'Lumen Nine'],
    value: 5e6,
    currency: 'EUR',
  },
  {
    frame: 'investment/in-offering',
    text: 'Chip designer Arm priced its shares at $51. Apple, Google and Nvidia said they would invest in the IPO. Arm will list in New York.',
    parties: ['Apple', 'Google', 'Nvidia', 'Arm'],
  },
  {
    frame: 'investment/in-offering',
    text: 'Klarna set a price range for its listing. Klarna said Sequoia Capital and Heartland would buy shares in the offering. Klarna will list in New York.',
    parties: ['Sequoia Capital', 'Heartland', 'Klarna'],
  },
  {
    frame: 'investment/possessive',
    text: `Amazon's $4 billion investment in Anthropic gave it a minority position.`,
    parties: ['Amazon', 'Anthropic'],
    value: 4e9,
  },
  {
    frame: 'investment/possessive',
    text: `Nvidia's investment into CoreWeave dates back to 2023.`,
    parties: ['Nvidia', 'CoreWeave'],
  },
  {
    frame: 'investment/investment-by',
    text: 'The investment in Mistral AI by ASML was the largest of the round.',
    parties: ['ASML', 'Mistral AI'],
  },
  {
    frame: 'investment/investment-by',
    text: 'Filings show a $300 million investment in Lumen Nine from Kestrel Orbital.',
    parties: ['Kestrel Orbital', 'Lumen Nine'],
    value: 300e6,
  },
  {
    frame: 'investment/receive-from',
    text: 'Quillon Systems received $40 million in investment from Siemens last year.',
    parties: ['Siemens', 'Quillon Systems'],
    value: 40e6,
  },
  {
    frame: 'investment/receive-from',
    text: 'Helix Grid has secured fresh capital from Brookfield to expand in Texas.',
    parties: ['Brookfield Asset Management', 'Helix Grid'],
  },
  {
    frame: 'investment/backed-by',
    text: 'Skydance, backed by RedBird Capital, will lead the merged company.',
    parties: ['RedBird Capital', 'Skydance'],
  },
  {
    frame: 'investment/backed-by',
    text: 'Revolut, which is backed by SoftBank and Tiger Global, applied for a UK banking licence.',
    parties: ['SoftBank', 'Revolut'],
  },
  {
    frame: 'investment/x-backed',
    text: 'Microsoft-backed OpenAI released a new model on Tuesday.',
    parties: ['Microsoft', 'OpenAI'],
  },
  {
    frame: 'investment/x-backed',
    text: 'The report named Amazon-backed Anthropic as a leader.',
    parties: ['Amazon', 'Anthropic'],
  },
  {
    frame: 'investment/backer-of',
    text: 'Microsoft has been OpenAI’s largest backer, having invested $13 billion.',
    parties: ['Microsoft', 'OpenAI'],
    value: 13e9,
  },
  {
    frame: 'investment/backer-of',
    text: `Quarry Capital, Nimbrel AI's biggest investor, declined to comment.`,
    parties: ['Quarry Capital', 'Nimbrel AI'],
  },
  {
    frame: 'investment/backer-in',
    text: 'Temasek, an early investor in Zepto, did not join the round.',
    parties: ['Temasek', 'Zepto'],
  },
  {
    frame: 'investment/backer-in',
    text: 'Baillie Gifford is a major shareholder in Northvolt.',
    parties: ['Baillie Gifford', 'Northvolt'],
  },
  {
    frame: 'investment/grant-award',
    text: 'The Commerce Department awarded Micron up to $6.1 billion in chip subsidies.',
    parties: ['Department of Commerce', 'Micron Technology'],
    value: 6.1e9,
  },
  {
    frame: 'investment/grant-award',
    text: 'Germany granted Intel €9.9 billion for a fab in Magdeburg before the plan was shelved.',
    parties: ['Germany', 'Intel'],
    value: 9.9e9,
    currency: 'EUR',
  },
  {
    frame: 'investment/grant-receive',
    text: 'Northvolt received a €902 million grant from Germany for its Heide plant.',
    parties: ['Germany', 'Northvolt'],
    value: 902e6,
    currency: 'EUR',
  },
  {
    frame: 'investment/grant-receive',
    text: 'Wolfspeed secured $750 million in loans from the Department of Energy.',
    parties: ['Department of Energy', 'Wolfspeed'],
    value: 750e6,
  },
  {
    frame: 'investment/grant-contribute',
    text: 'Japan will provide up to ¥920 billion in subsidies to Rapidus for its Hokkaido fab.',
    parties: ['Japan', 'Rapidus'],
    value: 920e9,
    currency: 'JPY',
  },
  {
    frame: 'investment/grant-contribute',
    text: 'The Ministry of Economy committed £45 million in grants to Kestrel Orbital.',
    parties: ['Ministry of Economy', 'Kestrel Orbital'],
    value: 45e6,
    currency: 'GBP',
  },
  {
    frame: 'investment/grant-nominal',
    text: 'A $1.5 billion grant from the Commerce Department to GlobalFoundries was finalised.',
    parties: ['Department of Commerce', 'GlobalFoundries'],
    value: 1.5e9,
  },
  {
    frame: 'investment/grant-nominal',
    text: 'The €5 billion subsidy by Germany for ESMC still needs EU approval.',
    parties: ['Germany', 'ESMC'],
    value: 5e9,
    currency: 'EUR',
    status: 'pending',
  },

  // ---- funding round
  {
    frame: 'funding-round/raise-round',
    text: 'Mistral AI has raised €1.7 billion in a Series C round led by ASML.',
    parties: ['Mistral AI', 'ASML'],
    value: 1.7e9,
    currency: 'EUR',
  },
  {
    frame: 'funding-round/raise-round',
    text: 'Zepto is preparing to raise about $450 million in a fresh funding round led by Calpers, according to people familiar with the plan.',
    parties: ['Zepto', 'Calpers'],
    value: 450e6,
    status: 'rumoured',
  },
  {
    frame: 'funding-round/raise-from',
    text: 'Helix Grid raised $120 million from Brookfield and Temasek.',
    parties: ['Helix Grid', 'Brookfield Asset Management', 'Temasek'],
    value: 120e6,
  },
  {
    frame: 'funding-round/raise-from',
    text: 'Quillon Systems has secured $60 million led by Peak XV Partners.',
    parties: ['Quillon Systems', 'Peak XV Partners'],
    value: 60e6,
  },
  {
    frame: 'funding-round/raise-round',
    text: 'Corvanta Labs builds data agents. It raised $85 million in a funding round led by Lightspeed Venture Partners in 2024.',
    parties: ['Corvanta Labs', 'Lightspeed Venture Partners'],
    value: 85e6,
  },
  {
    frame: 'funding-round/raise-round',
    text: 'Utilities buy drones, and Lumen Nine sells them. The company closed a €30 million Series A backed by Atomico.',
    parties: ['Lumen Nine', 'Atomico'],
    value: 30e6,
    currency: 'EUR',
  },
  {
    frame: 'funding-round/lead-round-in',
    text: 'Index Ventures led a $40 million Series B in Quillon Systems.',
    parties: ['Quillon Systems', 'Index Ventures'],
    value: 40e6,
  },
  {
    frame: 'funding-round/lead-round-in',
    text: 'Sequoia Capital and Accel co-led the seed round for Lumen Nine.',
    parties: ['Lumen Nine', 'Sequoia Capital', 'Accel'],
  },
  // "the company" after a preposition is the company the article is about
  {
    frame: 'funding-round/lead-round-in',
    text: 'Orbis Dynamics builds warehouse robots. Its backers include HongShan, which led a $150 million round in the company in 2025.',
    parties: ['Orbis Dynamics', 'HongShan'],
    value: 150e6,
  },
  {
    frame: 'funding-round/lead-company-round',
    text: `Andreessen Horowitz led Helix Grid's $60 million Series B.`,
    parties: ['Helix Grid', 'Andreessen Horowitz'],
    value: 60e6,
  },
  {
    frame: 'funding-round/lead-company-round',
    text: 'Thrive Capital will lead Quillon Systems’ next funding round, sources said.',
    parties: ['Quillon Systems', 'Thrive Capital'],
    status: 'rumoured',
  },
  {
    frame: 'funding-round/company-round-led',
    text: 'Nimbalyst’s $320 million Series C was led by Index Ventures.',
    parties: ['Nimbalyst', 'Index Ventures'],
    value: 320e6,
  },
  {
    frame: 'funding-round/company-round-led',
    text: `Helix Grid's latest funding round, co-led by Brookfield and Temasek, closed in May.`,
    parties: ['Helix Grid', 'Brookfield Asset Management', 'Temasek'],
  },
  {
    frame: 'funding-round/round-in',
    text: 'The $25 million seed round in Kestrel Orbital drew Lux Capital and Founders Fund.',
    parties: ['Kestrel Orbital'],
    value: 25e6,
  },
  {
    frame: 'funding-round/round-in',
    text: 'Investors poured money into a Series D round for Lumen Nine, led by Tiger Global.',
    parties: ['Lumen Nine', 'Tiger Global Management'],
  },

  // ---- equity stake
  {
    frame: 'equity-stake/take-stake-in',
    text: 'Meridian Compute will acquire a 10% stake in Helionyx Energy for $95 million.',
    parties: ['Meridian Compute', 'Helionyx Energy'],
    value: 95e6,
  },
  {
    frame: 'equity-stake/take-stake-in',
    text: 'Berkshire Hathaway holds a 9% stake in Mitsubishi, filings show.',
    parties: ['Berkshire Hathaway', 'Mitsubishi'],
  },
  {
    frame: 'equity-stake/buy-company-stake',
    text: `Alibaba purchased Intime Retail's stakes in 2014.`,
    parties: ['Alibaba', 'Intime Retail'],
  },
  {
    frame: 'equity-stake/buy-company-stake',
    text: 'Saudi Aramco bought Rongsheng Petrochemical’s shares worth $3.6 billion.',
    parties: ['Saudi Aramco', 'Rongsheng Petrochemical'],
    value: 3.6e9,
  },
  {
    frame: 'equity-stake/give-stake',
    text: 'Mistral AI raised €1.7 billion in a Series C round led by ASML. The round gives ASML an 11% stake.',
    parties: ['ASML', 'Mistral AI'],
  },
  {
    frame: 'equity-stake/give-stake',
    text: 'Constellation Energy signed a supply deal with Microsoft. As part of the agreement, Constellation Energy will grant Microsoft a 5% stake.',
    parties: ['Microsoft', 'Constellation Energy'],
  },
  {
    frame: 'equity-stake/possessive-stake',
    text: `Microsoft's 27% stake in OpenAI is worth $135 billion.`,
    parties: ['Microsoft', 'OpenAI'],
    value: 135e9,
  },
  {
    frame: 'equity-stake/possessive-stake',
    text: `Prosus sold part of Prosus's holding in Tencent last year.`,
    parties: ['Prosus', 'Tencent'],
  },
  {
    frame: 'equity-stake/stake-sold-to',
    text: 'Shell sold a 10% stake in Helix Grid to Brookfield for $400 million.',
    parties: ['Brookfield Asset Management', 'Helix Grid'],
    value: 400e6,
  },
  {
    frame: 'equity-stake/stake-sold-to',
    text: 'The founders will transfer a minority stake in Lumen Nine to Airbus.',
    parties: ['Airbus', 'Lumen Nine'],
  },
  {
    frame: 'equity-stake/take-stake',
    text: 'Constellation Energy announced a power purchase agreement with Microsoft. Microsoft will also take a minority stake, the companies said.',
    parties: ['Microsoft', 'Constellation Energy'],
  },
  {
    frame: 'equity-stake/take-stake',
    text: 'Nvidia invested in CoreWeave in 2023. Nvidia now holds a 7% stake after the IPO.',
    parties: ['Nvidia', 'CoreWeave'],
  },
  {
    frame: 'equity-stake/warrants-granted',
    text: 'AMD granted OpenAI warrants for up to 160 million shares.',
    parties: ['OpenAI', 'AMD'],
  },
  {
    frame: 'equity-stake/warrants-granted',
    text: 'Kestrel Orbital issued Airbus warrants tied to delivery milestones.',
    parties: ['Airbus', 'Kestrel Orbital'],
  },
  {
    frame: 'equity-stake/warrants-received',
    text: 'OpenAI will receive warrants for up to 160 million shares of AMD.',
    parties: ['OpenAI', 'AMD'],
  },
  {
    frame: 'equity-stake/warrants-received',
    text: 'Amazon obtained warrants to buy shares in Plug Power as part of a fuel deal.',
    parties: ['Amazon', 'Plug Power'],
  },
  {
    frame: 'equity-stake/warrants-company-shares',
    text: 'OpenAI holds warrants on 160 million AMD shares.',
    parties: ['OpenAI', 'AMD'],
  },
  {
    frame: 'equity-stake/warrants-company-shares',
    text: 'Amazon has a warrant over Plug Power stock.',
    parties: ['Amazon', 'Plug Power'],
  },

  // ---- compute contract
  {
    frame: 'compute-contract/capacity-contract-with',
    text: 'Ferrolink runs chat for banks, and Ferrolink serves 2 million requests a day. In July we signed a one-year reserved-capacity contract with CoreWeave worth $1.2 million.',
    parties: ['Ferrolink', 'CoreWeave'],
    value: 1.2e6,
  },
  {
    frame: 'compute-contract/capacity-contract-with',
    text: 'Mistral AI agreed a compute deal with Fluidstack for its Paris cluster.',
    parties: ['Mistral AI', 'Fluidstack'],
  },

  // ---- cloud contract
  {
    frame: 'cloud-contract/spend-on',
    text: `Snowflake said it had agreed to spend $300 million over three years on Microsoft's cloud.`,
    parties: ['Snowflake', 'Microsoft'],
    value: 300e6,
  },
  {
    frame: 'cloud-contract/spend-on',
    text: 'Epic Games committed to pay $1 billion for Google Cloud infrastructure.',
    parties: ['Epic Games', 'Google Cloud'],
    value: 1e9,
  },
  {
    frame: 'cloud-contract/capacity-from',
    text: 'Microsoft bought $3.3 billion of capacity from Nebius to free up Azure.',
    parties: ['Microsoft', 'Nebius'],
    value: 3.3e9,
  },
  {
    frame: 'cloud-contract/capacity-from',
    text: 'Meta will rent GPUs from CoreWeave under a $14 billion deal.',
    parties: ['Meta', 'CoreWeave'],
    value: 14e9,
  },
  {
    frame: 'cloud-contract/rented-from',
    text: 'Ferrolink runs chat for banks, and Ferrolink serves 2 million requests a day. Until June we served it on GPUs rented from Google Cloud.',
    parties: ['Ferrolink', 'Google Cloud'],
  },
  {
    frame: 'cloud-contract/rented-from',
    text: 'Quillon Systems trains its models on capacity leased from Oracle Cloud.',
    parties: ['Quillon Systems', 'Oracle'],
  },
  {
    frame: 'cloud-contract/run-on',
    text: 'OpenAI will run its core workloads on Amazon Web Services under a $38 billion commitment.',
    parties: ['OpenAI', 'Amazon Web Services'],
    value: 38e9,
  },
  {
    frame: 'cloud-contract/run-on',
    text: 'Netflix moved its streaming platform to AWS in a multi-year agreement.',
    parties: ['Netflix', 'Amazon Web Services'],
  },
  {
    frame: 'cloud-contract/revenue-from',
    text: 'Oracle expects to book $30 billion of cloud revenue from OpenAI each year.',
    parties: ['OpenAI', 'Oracle'],
    value: 30e9,
  },
  {
    frame: 'cloud-contract/revenue-from',
    text: 'CoreWeave will earn $11.9 billion in compute fees from OpenAI over five years.',
    parties: ['OpenAI', 'CoreWeave'],
    value: 11.9e9,
  },
  {
    frame: 'cloud-contract/become-cloud',
    text: `In 2019 Microsoft became OpenAI's exclusive cloud provider.`,
    parties: ['OpenAI', 'Microsoft'],
  },
  {
    frame: 'cloud-contract/become-cloud',
    text: 'Google Cloud will become Anthropic’s primary cloud partner, the startup said.',
    parties: ['Anthropic', 'Google Cloud'],
  },
  {
    frame: 'cloud-contract/customer-commitment',
    text: `OpenAI's Azure commitment: $250 billion of spend.`,
    parties: ['OpenAI', 'Microsoft'],
    value: 250e9,
  },
  {
    frame: 'cloud-contract/customer-commitment',
    text: `Anthropic's Google Cloud contract covers a million TPUs.`,
    parties: ['Anthropic', 'Google Cloud'],
  },
  {
    frame: 'cloud-contract/cloud-deal-with',
    text: 'Nimbrel AI signed a $12 billion cloud contract with Vantor Cloud on Monday.',
    parties: ['Nimbrel AI', 'Vantor Cloud'],
    value: 12e9,
  },
  {
    frame: 'cloud-contract/cloud-deal-with',
    text: 'Airbus announced a hosting agreement with Oracle for its ground stations.',
    parties: ['Airbus', 'Oracle'],
  },
  {
    frame: 'cloud-contract/commitment-to',
    text: 'Epic Games made a cloud spending commitment to Google worth $800 million.',
    parties: ['Epic Games', 'Google'],
    value: 800e6,
  },
  {
    frame: 'cloud-contract/commitment-to',
    text: 'Quillon Systems signed a five-year commitment with AWS for cloud services.',
    parties: ['Quillon Systems', 'Amazon Web Services'],
  },

  // ---- supply agreement
  {
    frame: 'supply-agreement/supply-with',
    text: 'AMD will supply OpenAI with six gigawatts of Instinct GPUs.',
    parties: ['OpenAI', 'AMD'],
  },
  {
    frame: 'supply-agreement/supply-with',
    text: 'Panasonic agreed to provide Lucid with battery cells through 2031.',
    parties: ['Lucid', 'Panasonic'],
  },
  {
    frame: 'supply-agreement/supply-to',
    text: 'TSMC will supply chips to Apple from its Arizona fab.',
    parties: ['Apple', 'TSMC'],
  },
  {
    frame: 'supply-agreement/supply-to',
    text: 'Helionyx Energy will deliver 1.2 GW of power to Meridian Compute.',
    parties: ['Meridian Compute', 'Helionyx Energy'],
  },
  {
    frame: 'supply-agreement/buy-from',
    text: `Microsoft will buy 835 MW of power from Constellation's Crane plant.`,
    parties: ['Microsoft', 'Constellation Energy'],
  },
  {
    frame: 'supply-agreement/buy-from',
    text: 'Amazon ordered 100,000 electric vans from Rivian in 2019.',
    parties: ['Amazon', 'Rivian'],
  },
  {
    frame: 'supply-agreement/award-contract',
    text: 'The Space Development Agency awarded Rocket Lab a $515 million contract to build 18 satellites.',
    parties: ['Space Development Agency', 'Rocket Lab'],
    value: 515e6,
  },
  {
    frame: 'supply-agreement/award-contract',
    text: 'Deutsche Bahn gave Siemens Mobility an order worth €1 billion for high-speed trains.',
    parties: ['Deutsche Bahn', 'Siemens'],
    value: 1e9,
    currency: 'EUR',
  },
  // "it" where the awarding body stands: the organisation the sentence names before it
  {
    frame: 'supply-agreement/award-contract',
    text: 'The European Space Agency said it awarded OHB a €150 million contract to build two weather satellites.',
    parties: ['European Space Agency', 'OHB'],
    value: 150e6,
    currency: 'EUR',
  },
  {
    frame: 'supply-agreement/win-contract',
    text: 'Rocket Lab won a $515 million contract from the Space Development Agency.',
    parties: ['Space Development Agency', 'Rocket Lab'],
    value: 515e6,
  },
  {
    frame: 'supply-agreement/win-contract',
    text: 'Nokia secured a major order from Deutsche Telekom for radio equipment.',
    parties: ['Deutsche Telekom', 'Nokia'],
  },
  {
    frame: 'supply-agreement/select-to-build',
    text: 'NASA selected SpaceX to build the lunar lander for $2.9 billion.',
    parties: ['NASA', 'SpaceX'],
    value: 2.9e9,
  },
  {
    frame: 'supply-agreement/select-to-build',
    text: 'Eutelsat picked Airbus to manufacture four OneWeb satellites.',
    parties: ['Eutelsat', 'Airbus'],
  },
  {
    frame: 'supply-agreement/selected-to-build',
    text: 'The Space Development Agency is buying a satellite network. Lockheed Martin and Northrop Grumman were selected last year to produce 72 satellites.',
    parties: ['Space Development Agency', 'Lockheed Martin'],
  },
  // who selected is left out: the customer of the last deal of the kind (not the lead-in's first name)
  {
    frame: 'supply-agreement/selected-to-build',
    text: 'Deutsche Bahn awarded Siemens Mobility a €400 million contract to resignal the line in March. Alstom and Stadler were also selected to supply new trains.',
    parties: ['Deutsche Bahn', 'Alstom'],
  },
  {
    frame: 'supply-agreement/selected-to-build',
    text: 'NASA gave SpaceX a $2.9 billion contract to build a lunar lander. SpaceX has flown the lander twice. Blue Origin was picked in 2023 to build a second lander.',
    parties: ['NASA', 'Blue Origin'],
  },
  {
    frame: 'supply-agreement/selected-to-build',
    text: 'Deutsche Bahn runs the upgrade. Siemens Mobility was chosen to deliver the signalling.',
    parties: ['Deutsche Bahn', 'Siemens'],
  },
  {
    // the lead-in is a name no lexicon knows, in a sentence with no deal words (shaped only when asked)
    frame: 'supply-agreement/selected-to-build',
    text: 'Veltrane Rail runs the upgrade. Siemens Mobility was chosen to deliver the signalling.',
    parties: ['Veltrane Rail', 'Siemens'],
  },
  {
    frame: 'supply-agreement/agreement-with',
    text: 'Constellation Energy announced a power purchase agreement with Microsoft.',
    parties: ['Constellation Energy', 'Microsoft'],
  },
  {
    frame: 'supply-agreement/agreement-with',
    text: 'Tesla signed a supply deal with CATL covering lithium iron phosphate cells.',
    parties: ['Tesla', 'CATL'],
  },
  {
    frame: 'supply-agreement/goods-deal-with',
    text: 'OpenAI signed a chip deal with Broadcom for custom accelerators.',
    parties: ['OpenAI', 'Broadcom'],
  },
  {
    frame: 'supply-agreement/goods-deal-with',
    text: 'OpenAI described its deals. Oct: 6 GW GPU deal with AMD.',
    parties: ['OpenAI', 'AMD'],
  },

  // ---- partnership
  {
    frame: 'partnership/partner-with',
    text: 'Siemens partnered with Nvidia to bring AI to factory software.',
    parties: ['Siemens', 'Nvidia'],
  },
  {
    frame: 'partnership/partner-with',
    text: 'Spotify is teaming up with Kestrel Orbital to stream audio to aircraft.',
    parties: ['Spotify', 'Kestrel Orbital'],
  },
  {
    frame: 'partnership/partners-transitive',
    text: 'ByteDance partners Oracle and Silver Lake on TikTok US.',
    parties: ['ByteDance', 'Oracle'],
  },
  {
    frame: 'partnership/partners-transitive',
    text: 'Lumen Nine partnered Airbus on drone inspection last year.',
    parties: ['Lumen Nine', 'Airbus'],
  },
  {
    frame: 'partnership/act-with',
    text: 'Sony signed a strategic agreement with Kadokawa covering anime rights.',
    parties: ['Sony', 'Kadokawa'],
  },
  {
    frame: 'partnership/act-with',
    text: 'Stripe announced a partnership with Coinbase to pay out in stablecoins.',
    parties: ['Stripe', 'Coinbase'],
  },
  {
    frame: 'partnership/pair-act',
    text: 'Samsung and Kestrel Orbital unveiled a collaboration on satellite phones.',
    parties: ['Samsung Electronics', 'Kestrel Orbital'],
  },
  {
    frame: 'partnership/pair-act',
    text: 'Visa and Nubank signed an agreement to expand card issuing in Mexico.',
    parties: ['Visa', 'Nubank'],
  },
  {
    frame: 'partnership/between',
    text: 'The alliance between Renault and Nissan was renewed in 2023.',
    parties: ['Renault', 'Nissan'],
  },
  {
    frame: 'partnership/between',
    text: 'A pact between Sony and Kadokawa was signed in Tokyo.',
    parties: ['Sony', 'Kadokawa'],
  },
  {
    frame: 'partnership/possessive',
    text: `Spotify's partnership with Kestrel Orbital was expanded in May.`,
    parties: ['Spotify', 'Kestrel Orbital'],
  },
  {
    frame: 'partnership/possessive',
    text: `Stripe's agreement with Coinbase was signed on Thursday.`,
    parties: ['Stripe', 'Coinbase'],
  },
  {
    frame: 'partnership/compound',
    text: 'The Sony–Kadokawa alliance was signed on Friday.',
    parties: ['Sony', 'Kadokawa'],
  },
  {
    frame: 'partnership/compound',
    text: 'Both sides signed the Visa-Nubank agreement in Mexico City.',
    parties: ['Visa', 'Nubank'],
  },

  // ---- joint venture
  {
    frame: 'joint-venture/sign-to-create',
    text: 'ByteDance signed binding agreements with Oracle, Silver Lake and MGX to create a new joint venture for TikTok US.',
    parties: ['ByteDance', 'Oracle', 'Silver Lake', 'MGX'],
  },
  {
    frame: 'joint-venture/sign-to-create',
    text: 'Sony agreed with Honda to form a joint venture for electric cars.',
    parties: ['Sony', 'Honda'],
  },
  {
    frame: 'joint-venture/form',
    text: 'Orange and MásMóvil will form a 50/50 joint venture in Spain.',
    parties: ['Orange', 'MásMóvil'],
  },
  {
    frame: 'joint-venture/form',
    text: 'Toyota and Panasonic set up a JV to make batteries in Japan.',
    parties: ['Toyota', 'Panasonic'],
  },
  {
    frame: 'joint-venture/form-with',
    text: 'Meta formed a $27 billion joint venture with Blue Owl Capital to fund a data center.',
    parties: ['Meta', 'Blue Owl Capital'],
    value: 27e9,
  },
  {
    frame: 'joint-venture/form-with',
    text: 'Toyota will set up a joint venture with Kestrel Orbital for lunar rovers.',
    parties: ['Toyota', 'Kestrel Orbital'],
  },
  {
    frame: 'joint-venture/between',
    text: 'The joint venture between Sony and Honda will sell its first car in 2026.',
    parties: ['Sony', 'Honda'],
  },
  {
    frame: 'joint-venture/between',
    text: 'Regulators cleared a JV of Vodafone and CK Hutchison in December.',
    parties: ['Vodafone', 'CK Hutchison'],
  },
  {
    frame: 'joint-venture/owned-by-with',
    text: 'ESMC is a joint venture that will be 70% owned by TSMC, with Bosch, Infineon and NXP holding 10% each.',
    parties: ['TSMC', 'Bosch', 'Infineon Technologies', 'NXP Semiconductors'],
  },
  {
    frame: 'joint-venture/owned-by-with',
    text: 'The venture is a consortium owned by Eutelsat, with SES and Hispasat taking smaller shares.',
    parties: ['Eutelsat', 'SES', 'Hispasat'],
  },
  {
    frame: 'joint-venture/owned-by',
    text: 'The venture is a JV held by Sony and Honda in equal parts.',
    parties: ['Sony', 'Honda'],
  },
  {
    frame: 'joint-venture/owned-by',
    text: 'The consortium, owned by Airbus, Thales and Leonardo, will build satellites.',
    parties: ['Airbus', 'Thales', 'Leonardo'],
  },
  {
    frame: 'joint-venture/possessive',
    text: `Sony's joint venture with Honda showed its first car.`,
    parties: ['Sony', 'Honda'],
  },
  {
    frame: 'joint-venture/possessive',
    text: `Toyota's JV with Panasonic opened a plant in Osaka.`,
    parties: ['Toyota', 'Panasonic'],
  },
  {
    frame: 'joint-venture/project-launched-with',
    text: 'OpenAI has many partners. Jan: Stargate project launched with SoftBank & Oracle — $500 billion for data centers.',
    parties: ['OpenAI', 'SoftBank', 'Oracle'],
    value: 500e9,
  },
  {
    frame: 'joint-venture/project-launched-with',
    text: 'OpenAI keeps building. In January the Stargate venture, formed with SoftBank and Oracle, named a chief.',
    parties: ['OpenAI', 'SoftBank', 'Oracle'],
  },
  {
    frame: 'joint-venture/partner-in-project',
    text: 'OpenAI lists its partners.\n\nSoftBank: Partner in the $500 billion Stargate project to build data centers.',
    parties: ['SoftBank', 'OpenAI'],
    value: 500e9,
  },
  {
    frame: 'joint-venture/partner-in-project',
    text: 'OpenAI lists its partners.\n\nOracle: co-investor in Stargate alongside SoftBank.',
    parties: ['Oracle', 'OpenAI'],
  },

  // ---- revenue share
  {
    frame: 'revenue-share/cut-of',
    text: 'Microsoft collects a 20% cut of OpenAI’s revenue through 2030.',
    parties: ['Microsoft', 'OpenAI'],
  },
  {
    frame: 'revenue-share/cut-of',
    text: `Apple takes a share of Google's search revenue generated on Safari.`,
    parties: ['Apple', 'Google'],
  },
  {
    frame: 'revenue-share/share-of-revenue-earned',
    text: 'Spotify will keep 30% of the subscription revenue that Kestrel Orbital generates in flight.',
    parties: ['Spotify', 'Kestrel Orbital'],
  },
  {
    frame: 'revenue-share/share-of-revenue-earned',
    text: 'Under the deal, Epic Games receives a fifth of the sales Roblox makes from its worlds.',
    parties: ['Epic Games', 'Roblox'],
  },
  {
    frame: 'revenue-share/pay-share',
    text: 'Spotify will pay Kestrel Orbital 15% of its in-flight revenue.',
    parties: ['Kestrel Orbital', 'Spotify'],
  },
  {
    frame: 'revenue-share/pay-share',
    text: 'Google pays Apple a part of the search revenue from Safari.',
    parties: ['Apple', 'Google'],
  },
  {
    frame: 'revenue-share/share-with',
    text: 'OpenAI shares revenue with Microsoft until the cap is reached.',
    parties: ['Microsoft', 'OpenAI'],
  },
  {
    frame: 'revenue-share/share-with',
    text: 'Roblox will share profits with Kestrel Games under the new terms.',
    parties: ['Kestrel Games', 'Roblox'],
  },
  {
    frame: 'revenue-share/agreement-with',
    text: 'Perplexity signed a revenue-sharing agreement with publisher Time.',
    parties: ['Perplexity', 'Time'],
  },
  {
    frame: 'revenue-share/agreement-with',
    text: 'The revenue-share deal between Spotify and Kestrel Orbital runs for five years.',
    parties: ['Spotify', 'Kestrel Orbital'],
  },

  // ---- licensing
  {
    frame: 'licensing/license-to',
    text: 'Chip designs that Arm had previously licensed to Nuvia are at the heart of the case.',
    parties: ['Nuvia', 'Arm'],
  },
  {
    frame: 'licensing/license-to',
    text: 'Dolby licenses its audio codecs to Xiaomi for phones sold in India.',
    parties: ['Xiaomi', 'Dolby'],
  },
  {
    frame: 'licensing/license-from',
    text: 'Qualcomm licenses the instruction set from Arm.',
    parties: ['Qualcomm', 'Arm'],
  },
  {
    frame: 'licensing/license-from',
    text: 'Kestrel Games licensed the engine from Epic Games for $12 million.',
    parties: ['Kestrel Games', 'Epic Games'],
    value: 12e6,
  },
  {
    frame: 'licensing/pay-royalties',
    text: 'Qualcomm continued to pay its existing royalty fees to Arm after the takeover.',
    parties: ['Qualcomm', 'Arm'],
  },
  {
    frame: 'licensing/pay-royalties',
    text: 'Apple pays licence fees to Nokia for patents used in the iPhone.',
    parties: ['Apple', 'Nokia'],
  },
  {
    frame: 'licensing/grant-license',
    text: 'Disney granted Kestrel Games a licence to make Marvel games.',
    parties: ['Kestrel Games', 'Walt Disney'],
  },
  {
    frame: 'licensing/grant-license',
    text: 'Ericsson gave Lenovo a global patent license in 2025.',
    parties: ['Lenovo', 'Ericsson'],
  },
  {
    frame: 'licensing/rights-deal-with',
    text: 'In 2022 Microsoft signed an exclusive reseller deal with OpenAI.',
    parties: ['Microsoft', 'OpenAI'],
  },
  {
    frame: 'licensing/rights-deal-with',
    text: 'Netflix struck a content licensing agreement with Sony Pictures.',
    parties: ['Netflix', 'Sony'],
  },
  {
    frame: 'licensing/rights-to',
    text: 'Tech privileges: Microsoft keeps royalty-free access to OpenAI’s models.',
    parties: ['Microsoft', 'OpenAI'],
  },
  {
    frame: 'licensing/rights-to',
    text: `Under the settlement, Samsung gets a perpetual licence to Nokia's patents.`,
    parties: ['Samsung Electronics', 'Nokia'],
  },
  {
    frame: 'licensing/possessive-license',
    text: `Nuvia's licence with Arm lapsed after the takeover, Arm argued.`,
    parties: ['Nuvia', 'Arm'],
  },
  {
    frame: 'licensing/possessive-license',
    text: `Qualcomm's license from Arm covers its Oryon cores.`,
    parties: ['Qualcomm', 'Arm'],
  },
];

/** Sentences that must not become a deal of the kind (or only one of the status given). */
export interface NegativeCase {
  readonly kind: DealKind;
  readonly text: string;
  /** undefined: no deal of the kind at all; else the only status allowed (talks are rumoured, a dead deal terminated). */
  readonly status?: DealStatus;
  readonly why: string;
}

export const NEGATIVE_CASES: readonly NegativeCase[] = [
  {
    kind: 'acquisition',
    why: 'talks',
    status: 'rumoured',
    text: 'Qualcomm is in talks to acquire Intel, according to people familiar with the matter.',
  },
  {
    kind: 'acquisition',
    why: 'considering',
    status: 'rumoured',
    text: 'Kestrel Orbital is considering buying Lumen Nine, two sources said.',
  },
  {
    kind: 'acquisition',
    why: 'advanced discussions',
    status: 'rumoured',
    text: 'Mars was in advanced discussions to buy Kellanova, the Financial Times reported.',
  },
  { kind: 'acquisition', why: 'denied', text: 'Intel denied a report that Qualcomm had offered to buy it.' },
  {
    kind: 'acquisition',
    why: 'called off',
    status: 'terminated',
    text: 'Adobe and Figma called off their deal after the EU and UK objected; Adobe had agreed to buy Figma for $20 billion.',
  },
  {
    kind: 'acquisition',
    why: 'blocked',
    status: 'terminated',
    text: `Regulators blocked Nvidia's purchase of Arm in 2022.`,
  },
  {
    kind: 'acquisition',
    why: 'hypothetical',
    text: 'Analysts said Microsoft could buy Pinterest if its shares kept falling.',
  },
  { kind: 'acquisition', why: 'a question', text: 'Should Apple buy Disney?' },
  {
    kind: 'acquisition',
    why: 'analysts’ comparison',
    text: 'Analysts say a bid for Lumen Nine would value the company at $2 billion.',
  },
  {
    kind: 'acquisition',
    why: 'buying goods is no takeover',
    text: 'Meta will buy chips from Nvidia worth billions of dollars.',
  },
  {
    kind: 'merger',
    why: 'talks',
    status: 'rumoured',
    text: 'Nissan and Honda are in talks to merge, people familiar with the matter said.',
  },
  {
    kind: 'merger',
    why: 'abandoned',
    status: 'terminated',
    text: 'Nissan and Honda abandoned their plan to merge in February.',
  },
  {
    kind: 'merger',
    why: 'one company',
    text: 'Alibaba merged its domestic and overseas e-commerce units into one division.',
  },
  {
    kind: 'merger',
    why: 'hypothetical',
    text: 'Bankers said Paramount could merge with Warner Bros Discovery next year.',
  },
  {
    kind: 'investment',
    why: 'capex, no company invested in',
    text: 'OpenAI plans to invest $1.4 trillion in compute infrastructure.',
  },
  { kind: 'investment', why: 'hypothetical', text: 'Microsoft might invest in Kestrel Orbital if the trials succeed.' },
  {
    kind: 'investment',
    why: 'a fund from investors is no grant',
    text: 'Zepto secures $450 million funding from Calpers.',
  },
  {
    kind: 'investment',
    why: 'a valuation is no investment',
    text: 'The round values Quillon Systems at $2.9 billion after the investment.',
  },
  {
    kind: 'funding-round',
    why: 'an IPO is no round',
    text: 'The company says 95.5 million shares were sold, raising $4.87 billion for its owner SoftBank Group.',
  },
  {
    kind: 'funding-round',
    why: 'no amount, no investor',
    text: 'Rivals Anysphere and Cognition have both raised big rounds this year.',
  },
  { kind: 'funding-round', why: 'a bond is no round', text: 'Oracle raised $18 billion in a bond sale on Tuesday.' },
  {
    kind: 'funding-round',
    why: 'talks',
    status: 'rumoured',
    text: 'Helix Grid is in talks to raise $200 million from Brookfield, Bloomberg reported.',
  },
  {
    kind: 'equity-stake',
    why: 'a relationship described',
    text: 'Microsoft’s economic stake remains enormous, filings suggest.',
  },
  {
    kind: 'equity-stake',
    why: 'shares that trade are no stake',
    text: 'Kühlwerk shares jumped 31% to €61.10 in Frankfurt, while Schneider shares slipped.',
  },
  {
    kind: 'equity-stake',
    why: 'a share of a facility is a term of its deal',
    text: 'Vantor Cloud agreed a $3 billion financing deal with Blue Harbor. Under the agreement, Vantor Cloud will keep a 20% stake in the campus.',
  },
  {
    kind: 'equity-stake',
    why: 'hypothetical',
    text: 'Apple could take a stake in Kestrel Orbital, analysts speculated.',
  },
  {
    kind: 'cloud-contract',
    why: 'a question',
    text: 'If Microsoft is OpenAI’s biggest cloud partner, why would OpenAI use Google Cloud?',
  },
  { kind: 'cloud-contract', why: 'spending on things', text: 'OpenAI will spend $19 billion on chips next year.' },
  {
    kind: 'cloud-contract',
    why: 'running on a cloud is no contract',
    text: 'Snowflake runs on AWS, Azure and Google Cloud.',
  },
  {
    kind: 'compute-contract',
    why: 'capacity described',
    text: 'CoreWeave has more capacity than Lambda, analysts said.',
  },
  { kind: 'compute-contract', why: 'hypothetical', text: 'Meta could sign a compute deal with Nebius next quarter.' },
  {
    kind: 'supply-agreement',
    why: 'talks',
    status: 'rumoured',
    text: 'Tesla is in talks with CATL about a supply deal for cells, sources said.',
  },
  {
    kind: 'supply-agreement',
    why: 'hypothetical',
    text: 'Analysts expect Apple could order more chips from TSMC next year.',
  },
  {
    kind: 'supply-agreement',
    why: 'context figures',
    text: 'TSMC supplied 90% of the world’s most advanced chips in 2024, data from TrendForce showed.',
  },
  {
    kind: 'partnership',
    why: 'a relationship described',
    text: 'Microsoft and OpenAI have a deep partnership, according to Reuters.',
  },
  { kind: 'partnership', why: 'denied', text: 'Apple denied it had signed an agreement with Baidu.' },
  { kind: 'partnership', why: 'a question', text: 'Will Samsung partner with Google on glasses?' },
  {
    kind: 'joint-venture',
    why: 'a kind noun inside a name',
    text: 'Holders of the Kestrel Orbital Joint Venture LLC will meet on Friday, said Airbus and Thales.',
  },
  {
    kind: 'acquisition',
    why: 'a kind noun inside a name',
    text: 'Shares of Churchill Capital Acquisition Corp and Lucid rose 4% on Friday.',
  },
  {
    kind: 'joint-venture',
    why: 'a co-founder is no joint venture',
    text: '"Power is the first question," said Tom Okafor, co-founder and CEO of Meridian Compute.',
  },
  {
    kind: 'joint-venture',
    why: 'talks',
    status: 'rumoured',
    text: 'Sony and Honda are exploring a joint venture for robots, people familiar said.',
  },
  {
    kind: 'joint-venture',
    why: 'hypothetical',
    text: 'A joint venture between Airbus and Thales could be formed next year.',
  },
  {
    kind: 'revenue-share',
    why: 'revenue that is no share',
    text: `OpenAI's revenue reached $13 billion while Microsoft's rose 15%.`,
  },
  { kind: 'revenue-share', why: 'hypothetical', text: 'Spotify might share revenue with labels if the law passes.' },
  {
    kind: 'licensing',
    why: 'a bank licence applied for is no deal with anyone',
    text: 'Revolut applied for a UK banking licence.',
  },
  {
    kind: 'licensing',
    why: 'a regulator’s licences changing hands',
    text: 'Vodafone received the spectrum licences of Three after the Ofcom vote.',
  },
  {
    kind: 'licensing',
    why: 'a regulator’s licences moved in a takeover',
    text: 'Ofcom cleared the takeover of Three by Vodafone, moving the spectrum licences held by Three to Vodafone.',
  },
  {
    kind: 'licensing',
    why: 'a regulator’s licences moved in a merger',
    text: 'The FCC approved the merger of Nexstar and Tegna, transferring broadcast licenses for 64 stations.',
  },
  { kind: 'licensing', why: 'hypothetical', text: 'Qualcomm could license its modems to Apple, analysts said.' },
];
