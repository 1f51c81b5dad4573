"""A minimal SMTP sink for the benchmark: it accepts every message and counts messages
and connections. aiosmtpd parses each DATA line in Python and took 10 ms a message on
the benchmark machine, so the sender could not be measured through it; this reads DATA
in bulk up to the end marker. Not a mail server: only for 127.0.0.1 benchmarks.

With `delay`, it takes that many seconds to accept each message (a slow relay, an
ESP that throttles), serving its connections concurrently; `copies` counts the
messages each address received."""

import asyncio
import threading
from collections import Counter

END_OF_DATA = b"\r\n.\r\n"


class SinkProtocol(asyncio.Protocol):
    def __init__(self, counts, copies=None, delay=0):
        self.counts = counts
        self.copies = Counter() if copies is None else copies
        self.delay = delay
        self.recipients = []
        self.buffer = b""
        self.in_data = False

    def connection_made(self, transport):
        self.transport = transport
        self.counts["connections"] += 1
        transport.write(b"220 sink ESMTP\r\n")

    def data_received(self, data):
        self.buffer += data
        while True:
            if self.in_data:
                end = self.buffer.find(END_OF_DATA)
                if end < 0:
                    return
                self.buffer = self.buffer[end + len(END_OF_DATA) :]
                self.in_data = False
                recipients, self.recipients = self.recipients, []
                if self.delay:
                    loop = asyncio.get_running_loop()
                    loop.call_later(self.delay, self.accept, recipients)
                else:
                    self.accept(recipients)
                continue
            line, found, rest = self.buffer.partition(b"\r\n")
            if not found:
                return
            self.buffer = rest
            self.command(line)

    def accept(self, recipients):
        self.counts["messages"] += 1
        self.copies.update(recipients)
        if not self.transport.is_closing():
            self.transport.write(b"250 OK\r\n")

    def command(self, line):
        verb = line.split(b" ", 1)[0].upper()
        if verb == b"RCPT":
            address = line.split(b":", 1)[-1].strip().split(b" ")[0].strip(b"<>")
            self.recipients.append(address.decode("ascii", "replace").lower())
        if verb == b"EHLO":
            self.transport.write(b"250-sink\r\n250 8BITMIME\r\n")
        elif verb == b"DATA":
            self.in_data = True
            self.buffer = b"\r\n" + self.buffer  # the end marker may follow at once
            self.transport.write(b"354 go on\r\n")
        elif verb == b"QUIT":
            self.transport.write(b"221 bye\r\n")
            self.transport.close()
        else:
            self.transport.write(b"250 OK\r\n")


class Sink:
    """Runs the sink on 127.0.0.1:`port` in a thread; `counts` holds what it saw."""

    def __init__(self, port, delay=0):
        self.port = port
        self.delay = delay
        self.counts = {"messages": 0, "connections": 0}
        self.copies = Counter()
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)

    def start(self):
        server = self.loop.create_server(
            lambda: SinkProtocol(self.counts, self.copies, self.delay), "127.0.0.1", self.port
        )
        self.server = self.loop.run_until_complete(server)
        self.thread.start()

    def stop(self):
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join()
