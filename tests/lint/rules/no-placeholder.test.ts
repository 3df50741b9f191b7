import { describeRuleFixtures } from '../harness.js';

// tests/fixtures/rules/no-placeholder/: fail/ holds each fault with its expected findings, pass/ the same shapes written correctly.
describeRuleFixtures('no-placeholder');
