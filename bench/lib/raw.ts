/**
 * The raw parts Bellhop is built from, wired the obvious way: a row trigger
 * that pg_notify's a payload, one LISTEN client, and a bare Socket.IO server
 * that io.emit's each payload. With no database it is just bare Socket.IO.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client } from 'pg';
import { Server } from 'socket.io';

export const RAW_CHANNEL = 'bench_raw';

/**
 * On a clone of the Bellhop schema: Bellhop's own triggers on leads off (whatever
 * they are called), and a per-row trigger that sends what the socket event carries instead.
 */
export const RAW_TRIGGER_SQL = `
  alter table app_public.leads disable trigger user;
  create function public.bench_raw_notify() returns trigger language plpgsql as $$
  begin
    perform pg_notify('${RAW_CHANNEL}', json_build_object(
      'id', gen_random_uuid(), 'type', 'lead_created', 'title', 'New Lead Created',
      'message', new.first_name || ' ' || new.last_name || ' added to pipeline',
      'isRead', false, 'relatedLeadId', new.id, 'createdAt', now(), 'updatedAt', now())::text);
    return null;
  end;
  $$;
  create trigger bench_raw_notify after insert on app_public.leads
    for each row execute function public.bench_raw_notify();
`;

export interface RawServer {
  url: string;
  io: Server;
  close(): Promise<void>;
}

export async function startRawServer(databaseUrl: string | null): Promise<RawServer> {
  const httpServer = http.createServer();
  const io = new Server(httpServer, { serveClient: false });
  let listener: Client | null = null;
  if (databaseUrl) {
    listener = new Client({ connectionString: databaseUrl });
    await listener.connect();
    listener.on('notification', (message) => {
      if (message.payload) io.emit('notification:created', JSON.parse(message.payload) as unknown);
    });
    await listener.query(`listen ${RAW_CHANNEL}`);
  }
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  const { port } = httpServer.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    io,
    async close() {
      await listener?.end();
      io.disconnectSockets(true);
      await new Promise<void>((resolve) => io.close(() => resolve()));
    },
  };
}
