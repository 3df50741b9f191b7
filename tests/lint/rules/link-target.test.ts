import { describeRuleFixtures } from '../harness.js';

// tests/fixtures/rules/link-target/: fail/ holds each fault with its expected findings, pass/ the same shapes written correctly.
describeRuleFixtures('link-target');
