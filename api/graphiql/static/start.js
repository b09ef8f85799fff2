// Starts GraphiQL on the service's own copies of its scripts. A file, not an inline script,
// so that the page runs under a Content-Security-Policy that allows scripts from 'self' only.
//
// Queries and mutations are POSTed to this URL. Subscriptions run over the WebSocket at the
// same path (graphql-transport-ws), one socket per run, and its connection_init payload is
// the JSON of the Headers tab as it is when the run starts: {"Authorization": "Bearer <token>"}
// authenticates the socket as it authenticates a POST.
"use strict";

(function start() {
  const root = document.getElementById("graphiql");
  const needed = ["React", "ReactDOM", "GraphiQL", "GraphiQLPluginExplorer", "graphqlWs"];
  const absent = needed.filter((name) => !window[name]);
  if (absent.length > 0) {
    root.textContent =
      "GraphiQL's scripts did not load (" + absent.join(", ") + "): run " +
      "`overdracht graphiql-assets` on the server and reload this page.";
    return;
  }

  const endpoint = window.location.origin + window.location.pathname;
  const socketEndpoint = endpoint.replace(/^http/, "ws"); // https becomes wss

  const firstQuery = `# Put your token in the Headers tab below, as
#   {"Authorization": "Bearer <token>"}
# and run this with Ctrl-Enter or the play button.
{
  viewer {
    user { displayName role }
    environment { officeCode name plan }
  }
}
`;

  // The kind of operation a request runs, decided as the server decides it.
  function operationKind(query, operationName) {
    try {
      const document = GraphiQL.GraphQL.parse(query);
      const operation = GraphiQL.GraphQL.getOperationAST(document, operationName || undefined);
      return operation ? operation.operation : null;
    } catch (unparsable) {
      return null; // sent as it is: the server's answer says what is wrong with it
    }
  }

  // A socket's close or a GraphQL error, as GraphiQL's result pane can show it.
  function shown(error) {
    if (!(error instanceof CloseEvent)) {
      return error;
    }
    let message = ("The WebSocket closed: " + error.code + " " + (error.reason || "")).trim();
    if (error.code === 4403) {
      message += '. The server refused the token: put {"Authorization": "Bearer <token>"} ' +
        "with a valid token in the Headers tab.";
    }
    return { message }; // no stack trace: the reason is the server's, not this script's
  }

  // A subscription over its own WebSocket, as the observable GraphiQL subscribes to.
  function overSocket(params, headers) {
    return {
      subscribe(sink) {
        const client = graphqlWs.createClient({
          url: socketEndpoint,
          connectionParams: headers,
          lazy: true,
          retryAttempts: 0,
        });
        const stop = client.subscribe(params, {
          next: (result) => sink.next(result),
          error: (error) => {
            sink.error(shown(error));
            client.dispose();
          },
          complete: () => {
            sink.complete();
            client.dispose();
          },
        });
        return {
          unsubscribe() {
            stop();
            client.dispose();
          },
        };
      },
    };
  }

  const overHttp = GraphiQL.createFetcher({ url: endpoint });

  function fetcher(params, options) {
    if (operationKind(params.query, params.operationName) === "subscription") {
      return overSocket(params, (options && options.headers) || {});
    }
    return overHttp(params, options);
  }

  // GraphiQL's own storage, but never with headers: its history keeps each run's headers even
  // when headers are not to be persisted, and the Headers tab holds a bearer token.
  function withoutHeaders(value) {
    try {
      return JSON.stringify(JSON.parse(value), (key, item) => (key === "headers" ? null : item));
    } catch (notJson) {
      return value;
    }
  }
  const ours = (key) => key.indexOf("graphiql:") === 0;
  const storage = {
    getItem: (key) => window.localStorage.getItem(key),
    setItem(key, value) {
      if (key !== "graphiql:headers") {
        window.localStorage.setItem(key, withoutHeaders(value));
      }
    },
    removeItem: (key) => window.localStorage.removeItem(key),
    get length() {
      return Object.keys(window.localStorage).filter(ours).length;
    },
    clear() {
      Object.keys(window.localStorage).filter(ours).forEach((key) => window.localStorage.removeItem(key));
    },
  };

  // A link may carry a query and its variables: /graphql?query=...&variables=...
  const link = new URLSearchParams(window.location.search);
  const explorer = GraphiQLPluginExplorer.explorerPlugin();

  function Page() {
    return React.createElement(GraphiQL, {
      fetcher,
      defaultQuery: firstQuery,
      query: link.get("query") || undefined,
      variables: link.get("variables") || undefined,
      plugins: [explorer],
      defaultEditorToolsVisibility: true,
      isHeadersEditorEnabled: true,
      // The Headers tab holds a bearer token: kept for this page only, never in localStorage
      // where any script of this origin (or anyone at this browser later) could read it.
      shouldPersistHeaders: false,
      storage,
      inputValueDeprecation: true,
    });
  }

  ReactDOM.createRoot(root).render(React.createElement(Page));
})();
