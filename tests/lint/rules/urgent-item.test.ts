import { describeRuleFixtures } from '../harness.js';

// tests/fixtures/rules/urgent-item/: fail/ holds each fault with its expected findings, pass/ the same shapes written correctly.
describeRuleFixtures('urgent-item');
