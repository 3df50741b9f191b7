import { describeRuleFixtures } from '../harness.js';

// tests/fixtures/rules/private-item/: fail/ holds each fault with its expected findings, pass/ the same shapes written correctly.
describeRuleFixtures('private-item');
