import { describeRuleFixtures } from '../harness.js';

// tests/fixtures/rules/minutes-approval/: fail/ holds each fault with its expected findings, pass/ the same shapes written correctly.
describeRuleFixtures('minutes-approval');
