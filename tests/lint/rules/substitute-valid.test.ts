import { describeRuleFixtures } from '../harness.js';

// tests/fixtures/rules/substitute-valid/: fail/ holds each fault with its expected findings, pass/ the same shapes written correctly.
describeRuleFixtures('substitute-valid');
