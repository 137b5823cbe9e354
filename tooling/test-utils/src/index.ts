export { fixturePath, readFixture, readJsonFixture } from './fixtures.js';
export { MockApi, type RecordedRequest, type ScriptedResponse, useMockApi } from './mock-api.js';
export { type ReadmeExample, readmeExamples, syncReadmeExamples } from './readme-examples.js';
