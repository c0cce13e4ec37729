// The parts of React's Flight client that the action fuzz suite uses: Next's own compiled copy,
// so requests are encoded and answers decoded exactly as the browser does it.
declare module 'next/dist/compiled/react-server-dom-turbopack/client.edge' {
  export function encodeReply(value: unknown): Promise<string | FormData>;
  export function createFromReadableStream<T>(
    stream: ReadableStream<Uint8Array>,
    options: {
      serverConsumerManifest: { moduleMap: object; serverModuleMap: null; moduleLoading: null };
    },
  ): Promise<T>;
}
