import { once } from 'node:events';
import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CreateTableCommand, DynamoDBClient, UpdateTimeToLiveCommand } from '@aws-sdk/client-dynamodb';
import { CreateQueueCommand, GetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import dynalite from 'dynalite';
import { createSqsServer } from 'local-aws-sqs';
import { createGateSettingsStore, type GateSettingsStore } from '#src/settings/gate-settings-store';

/** Dummy credentials: the emulators accept any, and real AWS must never be reached by mistake. */
export const LOCAL_AWS_ENV = {
  AWS_REGION: 'us-east-1',
  AWS_ACCESS_KEY_ID: 'local',
  AWS_SECRET_ACCESS_KEY: 'local',
} as const;

export const LOCAL_TABLE_NAMES = {
  idempotency: 'renewal-guard-idempotency',
  settings: 'renewal-guard-settings',
  syncCursors: 'renewal-guard-sync-cursors',
} as const;

export interface LocalAwsOptions {
  /** Keep DynamoDB data in this directory (LevelDB); in memory when absent. SQS is always in memory. */
  dataDir?: string;
  /** 0 (default) picks free ports. */
  dynamodbPort?: number;
  sqsPort?: number;
  host?: string;
  /** How long a received message stays hidden; failed messages come back after it. */
  visibilityTimeoutSeconds?: number;
  /** Receives before a message moves to its DLQ (AWS: redrive policy maxReceiveCount). */
  maxReceiveCount?: number;
}

export interface QueueUrls {
  gate: string;
  gateDlq: string;
  risk: string;
  riskDlq: string;
}

export interface LocalAws {
  dynamodbEndpoint: string;
  sqsEndpoint: string;
  queueUrls: QueueUrls;
  tableNames: typeof LOCAL_TABLE_NAMES;
  /** The environment the backend functions need to reach these stand-ins. */
  env: Record<string, string>;
  close(): Promise<void>;
}

async function listen(server: Server, port: number, host: string): Promise<string> {
  if (!server.listening) {
    server.listen(port, host);
    await once(server, 'listening');
  }
  const address = server.address() as AddressInfo;
  return `http://${host}:${address.port}`;
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

async function createTables(client: DynamoDBClient): Promise<void> {
  const byString = (name: string, key: string) =>
    new CreateTableCommand({
      TableName: name,
      KeySchema: [{ AttributeName: key, KeyType: 'HASH' }],
      AttributeDefinitions: [{ AttributeName: key, AttributeType: 'S' }],
      BillingMode: 'PAY_PER_REQUEST',
    });
  const tables = [
    byString(LOCAL_TABLE_NAMES.idempotency, 'id'),
    byString(LOCAL_TABLE_NAMES.syncCursors, 'id'),
    new CreateTableCommand({
      TableName: LOCAL_TABLE_NAMES.settings,
      KeySchema: [{ AttributeName: 'portalId', KeyType: 'HASH' }],
      AttributeDefinitions: [{ AttributeName: 'portalId', AttributeType: 'N' }],
      BillingMode: 'PAY_PER_REQUEST',
    }),
  ];
  for (const command of tables) {
    try {
      await client.send(command);
    } catch (error) {
      // A persisted data dir already holds the tables from the last run.
      if ((error as Error).name !== 'ResourceInUseException') throw error;
    }
  }
  await client
    .send(
      new UpdateTimeToLiveCommand({
        TableName: LOCAL_TABLE_NAMES.idempotency,
        TimeToLiveSpecification: { AttributeName: 'expiration', Enabled: true },
      }),
    )
    .catch(() => undefined); // dynalite may not model TTL; Powertools checks expiry itself.
}

async function createQueuePair(
  client: SQSClient,
  name: string,
  options: Required<Pick<LocalAwsOptions, 'visibilityTimeoutSeconds' | 'maxReceiveCount'>>,
): Promise<[string, string]> {
  const dlq = await client.send(new CreateQueueCommand({ QueueName: `${name}-dlq` }));
  const dlqUrl = dlq.QueueUrl as string;
  const { Attributes } = await client.send(
    new GetQueueAttributesCommand({ QueueUrl: dlqUrl, AttributeNames: ['QueueArn'] }),
  );
  const queue = await client.send(
    new CreateQueueCommand({
      QueueName: name,
      Attributes: {
        VisibilityTimeout: String(options.visibilityTimeoutSeconds),
        RedrivePolicy: JSON.stringify({
          deadLetterTargetArn: Attributes?.QueueArn,
          maxReceiveCount: options.maxReceiveCount,
        }),
      },
    }),
  );
  return [queue.QueueUrl as string, dlqUrl];
}

/** Starts dynalite and local-aws-sqs and creates the tables and queues through the real AWS SDK. */
export async function startLocalAws(options: LocalAwsOptions = {}): Promise<LocalAws> {
  const host = options.host ?? '127.0.0.1';
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const dynamo = dynalite({ path: options.dataDir, createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  const dynamodbEndpoint = await listen(dynamo, options.dynamodbPort ?? 0, host);
  const sqsServer = await createSqsServer({ port: options.sqsPort ?? 0, hostname: host });
  const sqsEndpoint = await listen(sqsServer, options.sqsPort ?? 0, host);

  const credentials = {
    accessKeyId: LOCAL_AWS_ENV.AWS_ACCESS_KEY_ID,
    secretAccessKey: LOCAL_AWS_ENV.AWS_SECRET_ACCESS_KEY,
  };
  const dynamoClient = new DynamoDBClient({
    region: LOCAL_AWS_ENV.AWS_REGION,
    endpoint: dynamodbEndpoint,
    credentials,
  });
  const sqsClient = new SQSClient({ region: LOCAL_AWS_ENV.AWS_REGION, endpoint: sqsEndpoint, credentials });
  const queueOptions = {
    visibilityTimeoutSeconds: options.visibilityTimeoutSeconds ?? 5,
    maxReceiveCount: options.maxReceiveCount ?? 5,
  };
  const closeServers = async (): Promise<void> => {
    await Promise.all([closeServer(dynamo), closeServer(sqsServer)]);
  };
  try {
    await createTables(dynamoClient);
    const [gate, gateDlq] = await createQueuePair(sqsClient, 'renewal-guard-gate', queueOptions);
    const [risk, riskDlq] = await createQueuePair(sqsClient, 'renewal-guard-risk', queueOptions);
    return {
      dynamodbEndpoint,
      sqsEndpoint,
      queueUrls: { gate, gateDlq, risk, riskDlq },
      tableNames: LOCAL_TABLE_NAMES,
      env: {
        ...LOCAL_AWS_ENV,
        AWS_ENDPOINT_URL_DYNAMODB: dynamodbEndpoint,
        AWS_ENDPOINT_URL_SQS: sqsEndpoint,
        IDEMPOTENCY_TABLE_NAME: LOCAL_TABLE_NAMES.idempotency,
        SETTINGS_TABLE_NAME: LOCAL_TABLE_NAMES.settings,
        SYNC_CURSORS_TABLE_NAME: LOCAL_TABLE_NAMES.syncCursors,
        GATE_QUEUE_URL: gate,
        RISK_QUEUE_URL: risk,
      },
      close: closeServers,
    };
  } catch (error) {
    await closeServers();
    throw error;
  } finally {
    // These clients only set things up; the functions build their own from the environment.
    dynamoClient.destroy();
    sqsClient.destroy();
  }
}

/** A DynamoDB document client on the local stand-in, for installers and tests. `close` releases it. */
export function localDocumentClient(aws: Pick<LocalAws, 'dynamodbEndpoint'>): {
  documents: DynamoDBDocumentClient;
  close(): void;
} {
  const client = new DynamoDBClient({
    region: LOCAL_AWS_ENV.AWS_REGION,
    endpoint: aws.dynamodbEndpoint,
    credentials: {
      accessKeyId: LOCAL_AWS_ENV.AWS_ACCESS_KEY_ID,
      secretAccessKey: LOCAL_AWS_ENV.AWS_SECRET_ACCESS_KEY,
    },
  });
  return { documents: DynamoDBDocumentClient.from(client), close: () => client.destroy() };
}

/**
 * The gate settings in the local DynamoDB, as the functions read them: for what an installer does
 * (`startGateEnforcement`) and for tests that configure the gate. `close` releases the client.
 */
export function localGateSettings(aws: Pick<LocalAws, 'dynamodbEndpoint' | 'tableNames'>): {
  store: GateSettingsStore;
  close(): void;
} {
  const { documents, close } = localDocumentClient(aws);
  return { store: createGateSettingsStore(documents, aws.tableNames.settings), close };
}
