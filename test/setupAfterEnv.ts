import nock from 'nock';

// nock patches Node's http module, which all test files in a worker share: switch it on and off per file.
beforeAll(() => {
	if (!nock.isActive()) nock.activate();
	nock.disableNetConnect();
});
afterEach(() => nock.cleanAll());
afterAll(() => nock.restore());
