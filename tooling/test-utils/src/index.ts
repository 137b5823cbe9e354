export { fixturePath, readFixture, readJsonFixture } from './fixtures.js';
export { MockApi, type RecordedRequest, type ScriptedResponse, useMockApi } from './mock-api.js';
