import { describeRuleFixtures } from '../harness.js';

// tests/fixtures/rules/exempt-exclusion/: fail/ holds each fault with its expected findings, pass/ the same shapes written correctly.
describeRuleFixtures('exempt-exclusion');
