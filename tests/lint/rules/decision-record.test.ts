import { describeRuleFixtures } from '../harness.js';

// tests/fixtures/rules/decision-record/: fail/ holds each fault with its expected findings, pass/ the same shapes written correctly.
describeRuleFixtures('decision-record');
