import { describeRuleFixtures } from '../harness.js';

// tests/fixtures/rules/member-absence/: fail/ holds each fault with its expected findings, pass/ the same shapes written correctly.
describeRuleFixtures('member-absence');
