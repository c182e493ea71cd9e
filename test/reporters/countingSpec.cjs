'use strict';
// mocha's spec reporter that also writes the run's counts to $NEWSMARK_TEST_RESULTS (JSON),
// so test/runAll.mjs can add up every suite into one closing line.
const fs = require('node:fs');
const Spec = require('mocha/lib/reporters/spec');

class CountingSpec extends Spec {
  constructor(runner, options) {
    super(runner, options);
    runner.once('end', () => {
      const file = process.env.NEWSMARK_TEST_RESULTS;
      if (!file) return;
      const { passes, failures, pending } = runner.stats;
      fs.writeFileSync(file, JSON.stringify({ passed: passes, failed: failures, skipped: pending }));
    });
  }
}

module.exports = CountingSpec;
