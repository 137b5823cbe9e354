export { MockApi, type RecordedRequest, type ScriptedResponse, useMockApi } from './mock-api.js';
