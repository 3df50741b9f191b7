import { describeRuleFixtures } from '../harness.js';

// tests/fixtures/rules/previous-minutes-date/: fail/ holds each fault with its expected findings, pass/ the same shapes written correctly.
describeRuleFixtures('previous-minutes-date');
