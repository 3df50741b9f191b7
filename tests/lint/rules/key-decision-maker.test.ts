import { describeRuleFixtures } from '../harness.js';

// tests/fixtures/rules/key-decision-maker/: fail/ holds each fault with its expected findings, pass/ the same shapes written correctly.
describeRuleFixtures('key-decision-maker');
