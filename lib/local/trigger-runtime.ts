/**
 * The child process behind one local trigger function (see trigger-host.ts): it loads the
 * handler module named on its command line, with the environment it was started with, and
 * answers each invocation sent over IPC with the handler's result or error.
 */
const [module] = process.argv.slice(2);
if (!module || !process.send) throw new Error('trigger-runtime: start it with fork(), naming the handler module');
const { handler } = (await import(module)) as { handler: (event: unknown) => Promise<unknown> };

process.on('message', (message: { id: number; event: unknown }) => {
  handler(message.event).then(
    (result) => process.send!({ id: message.id, result }),
    (error: unknown) =>
      process.send!({
        id: message.id,
        error: {
          name: error instanceof Error ? error.name : 'Error',
          message: error instanceof Error ? error.message : String(error),
        },
      }),
  );
});
// The host's end of the channel closing means the stack stopped.
process.on('disconnect', () => process.exit(0));
