import { describeRuleFixtures } from '../harness.js';

// tests/fixtures/rules/attendance-conflict/: fail/ holds each fault with its expected findings, pass/ the same shapes written correctly.
describeRuleFixtures('attendance-conflict');
