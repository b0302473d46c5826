"""A guard against a hang in the office: the suites of heavy or hostile input compute under it."""
import contextlib
import os
import signal
import threading


@contextlib.contextmanager
def watchdog(office, what, seconds):
    """Kills the office's process group when the block takes longer than `seconds`, so that the UNO call
    it is blocked in fails, and fails the test saying that `what` hung (a crash fails it on its own)."""
    fired = []

    def kill():
        fired.append(True)
        try:
            os.killpg(office.process.pid, signal.SIGKILL)
        except (OSError, AttributeError):
            pass

    timer = threading.Timer(seconds, kill)
    timer.start()
    try:
        yield
    except Exception as e:
        if fired:
            raise AssertionError(f"{what}: no answer within {seconds} s (a hang); the office was killed") from e
        raise
    finally:
        timer.cancel()
    if fired:
        raise AssertionError(f"{what}: no answer within {seconds} s (a hang); the office was killed")
