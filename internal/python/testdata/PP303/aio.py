import aiohttp


async def fetch(url):
    async with aiohttp.ClientSession() as session:
        async with session.get(url, ssl=False) as resp:  # want: PP303
            return await resp.text()


async def fetch_verified(url):
    async with aiohttp.ClientSession() as session:
        async with session.get(url, ssl=True) as resp:  # safe look-alike
            return await resp.text()


async def connector():
    return aiohttp.TCPConnector(ssl=False)  # want: PP303
