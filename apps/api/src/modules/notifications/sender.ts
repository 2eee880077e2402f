// Where notifications go besides the in-app centre. No mail server is required: the default only logs.
export interface NotificationMessage {
  userId: string;
  kind: string;
  entityType: string;
  entityId: string;
  params: Record<string, unknown>;
}

export interface NotificationSender {
  send(messages: NotificationMessage[]): Promise<void>;
}

export function logSender(log: { info(details: object, message: string): void }): NotificationSender {
  return {
    async send(messages) {
      for (const message of messages) log.info({ notification: message }, 'notification');
    },
  };
}
