import { describeRuleFixtures } from '../harness.js';

// tests/fixtures/rules/meeting-date/: fail/ holds each fault with its expected findings, pass/ the same shapes written correctly.
describeRuleFixtures('meeting-date');
