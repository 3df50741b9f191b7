import { describeRuleFixtures } from '../harness.js';

// tests/fixtures/rules/membership-on-date/: fail/ holds each fault with its expected findings, pass/ the same shapes written correctly.
describeRuleFixtures('membership-on-date');
