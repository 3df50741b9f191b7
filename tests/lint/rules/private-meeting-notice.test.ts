import { describeRuleFixtures } from '../harness.js';

// tests/fixtures/rules/private-meeting-notice/: fail/ holds each fault with its expected findings, pass/ the same shapes written correctly.
describeRuleFixtures('private-meeting-notice');
