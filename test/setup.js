// nock 15's interceptors call Promise.withResolvers, which Node only has from version 22.
if (!Promise.withResolvers) {
	Promise.withResolvers = function () {
		let resolve;
		let reject;
		const promise = new Promise((res, rej) => {
			resolve = res;
			reject = rej;
		});
		return { promise, resolve, reject };
	};
}
