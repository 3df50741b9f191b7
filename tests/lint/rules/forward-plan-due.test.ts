import { describeRuleFixtures } from '../harness.js';

// tests/fixtures/rules/forward-plan-due/: fail/ holds each fault with its expected findings, pass/ the same shapes written correctly.
describeRuleFixtures('forward-plan-due');
