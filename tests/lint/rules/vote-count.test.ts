import { describeRuleFixtures } from '../harness.js';

// tests/fixtures/rules/vote-count/: fail/ holds each fault with its expected findings, pass/ the same shapes written correctly.
describeRuleFixtures('vote-count');
