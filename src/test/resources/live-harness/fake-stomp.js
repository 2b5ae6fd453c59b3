// Stands in for @stomp/stompjs: records what the client subscribes and publishes, and delivers the
// frames the test asks for, as a broker would.
export const ReconnectionTimeMode = { LINEAR: 0, EXPONENTIAL: 1 };

export class Client {
  constructor(config) {
    this.config = config;
    this.subscriptions = new Map();
    this.published = [];
    window.broker = this;
  }

  activate() {
    setTimeout(() => this.config.onConnect(), 0);
  }

  deactivate() {}

  subscribe(destination, callback) {
    this.subscriptions.set(destination, callback);
    return { unsubscribe() {} };
  }

  publish(frame) {
    this.published.push({ destination: frame.destination, body: JSON.parse(frame.body) });
  }

  deliver(destination, body) {
    this.subscriptions.get(destination)({ body: JSON.stringify(body) });
  }
}
