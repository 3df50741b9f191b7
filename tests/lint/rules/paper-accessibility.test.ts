import { describeRuleFixtures } from '../harness.js';

// tests/fixtures/rules/paper-accessibility/: fail/ holds each fault with its expected findings, pass/ the same shapes written correctly.
describeRuleFixtures('paper-accessibility');
