import { describeRuleFixtures } from '../harness.js';

// tests/fixtures/rules/plan-coverage/: fail/ holds each fault with its expected findings, pass/ the same shapes written correctly.
describeRuleFixtures('plan-coverage');
