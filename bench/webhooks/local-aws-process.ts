import { startLocalAws } from '../../local/aws.ts';

/**
 * The local DynamoDB and SQS stand-ins in a process of their own, as the real services are not in
 * the function's process: prints the functions' environment as one JSON line, stops on SIGTERM.
 */
const aws = await startLocalAws();
process.stdout.write(`${JSON.stringify({ env: aws.env, queueUrls: aws.queueUrls })}\n`);
process.on('SIGTERM', () => {
  void aws.close().then(() => process.exit(0));
});
