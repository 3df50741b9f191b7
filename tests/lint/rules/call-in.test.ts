import { describeRuleFixtures } from '../harness.js';

// tests/fixtures/rules/call-in/: fail/ holds each fault with its expected findings, pass/ the same shapes written correctly.
describeRuleFixtures('call-in');
