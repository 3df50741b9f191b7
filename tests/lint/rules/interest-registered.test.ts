import { describeRuleFixtures } from '../harness.js';

// tests/fixtures/rules/interest-registered/: fail/ holds each fault with its expected findings, pass/ the same shapes written correctly.
describeRuleFixtures('interest-registered');
