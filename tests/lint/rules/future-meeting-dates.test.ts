import { describeRuleFixtures } from '../harness.js';

// tests/fixtures/rules/future-meeting-dates/: fail/ holds each fault with its expected findings, pass/ the same shapes written correctly.
describeRuleFixtures('future-meeting-dates');
