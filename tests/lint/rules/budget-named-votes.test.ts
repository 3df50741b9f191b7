import { describeRuleFixtures } from '../harness.js';

// tests/fixtures/rules/budget-named-votes/: fail/ holds each fault with its expected findings, pass/ the same shapes written correctly.
describeRuleFixtures('budget-named-votes');
