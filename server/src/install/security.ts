import type { Express } from 'express';
import cors from 'cors';
import helmet from 'helmet';
import type { Config } from '../config';

export function installSecurity(app: Express, config: Config): void {
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);
  app.use(
    helmet({
      // GraphiQL loads its own inline scripts and styles.
      contentSecurityPolicy: config.graphiql ? false : undefined,
      crossOriginEmbedderPolicy: false,
    }),
  );
  app.use(cors({ origin: config.corsOrigins, credentials: true, maxAge: 600 }));
}
