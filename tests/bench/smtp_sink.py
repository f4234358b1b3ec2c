"""A loopback SMTP sink for tests/bench/compare_signing.sh: accepts every message and keeps
none, so that the worker's mail costs what sending costs, not what writing a file per email to
the development mail folder costs. Prints its port on its first line.

    python3 tests/bench/smtp_sink.py
"""
import asyncio


async def session(reader, writer):
    writer.write(b"220 sink ESMTP\r\n")
    data = False
    while True:
        line = await reader.readline()
        if not line:
            break
        if data:
            if line == b".\r\n":
                data = False
                writer.write(b"250 kept nothing\r\n")
            continue
        verb = line[:4].upper()
        if verb in (b"EHLO", b"HELO"):
            writer.write(b"250-sink\r\n250 8BITMIME\r\n")
        elif verb == b"DATA":
            data = True
            writer.write(b"354 go on\r\n")
        elif verb == b"QUIT":
            writer.write(b"221 bye\r\n")
            await writer.drain()
            break
        else:
            writer.write(b"250 ok\r\n")
        await writer.drain()
    writer.close()


async def main():
    server = await asyncio.start_server(session, "127.0.0.1", 0)
    print(server.sockets[0].getsockname()[1], flush=True)
    async with server:
        await server.serve_forever()


asyncio.run(main())
