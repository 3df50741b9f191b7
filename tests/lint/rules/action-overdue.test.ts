import { describeRuleFixtures } from '../harness.js';

// tests/fixtures/rules/action-overdue/: fail/ holds each fault with its expected findings, pass/ the same shapes written correctly.
describeRuleFixtures('action-overdue');
