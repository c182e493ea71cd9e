/**
 * Every deal kind's frames, most specific kinds first: where two frames read the same words,
 * the earlier kind's wins ("a controlling stake" is an acquisition before it is a stake).
 */
import type { KindFrames } from './frame';
import { acquisition } from './acquisition';
import { merger } from './merger';
import { revenueShare } from './revenueShare';
import { licensing } from './licensing';
import { jointVenture } from './jointVenture';
import { fundingRound } from './fundingRound';
import { equityStake } from './equityStake';
import { investment } from './investment';
import { computeContract } from './computeContract';
import { cloudContract } from './cloudContract';
import { supplyAgreement } from './supplyAgreement';
import { partnership } from './partnership';

export const KIND_FRAMES: readonly KindFrames[] = [
  acquisition,
  merger,
  revenueShare,
  licensing,
  jointVenture,
  fundingRound,
  equityStake,
  investment,
  computeContract,
  cloudContract,
  supplyAgreement,
  partnership,
];

export type { DealFrame, KindFrames } from './frame';
