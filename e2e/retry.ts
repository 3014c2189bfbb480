// A browser test that fails is run once more before it counts as failed: on a
// loaded 2-core CI machine Chromium occasionally misses a beat. A real bug
// fails both times; the first failure is still printed.
jest.retryTimes(1, { logErrorsBeforeRetry: true });
