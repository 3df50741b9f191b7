import { describeRuleFixtures } from '../harness.js';

// tests/fixtures/rules/agenda-minutes-match/: fail/ holds each fault with its expected findings, pass/ the same shapes written correctly.
describeRuleFixtures('agenda-minutes-match');
