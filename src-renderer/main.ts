import { mount } from 'svelte';
import App from './App.svelte';
import { createApi } from './lib/api.ts';
import { electronBridge, electronTransport } from './lib/transport/electron.ts';
import { websocketTransport } from './lib/transport/websocket.ts';
import './styles/theme.css';

const bridge = electronBridge();
const api = createApi(bridge ? electronTransport(bridge) : websocketTransport(window.location));
mount(App, { target: document.getElementById('app')!, props: { api, bridge } });
