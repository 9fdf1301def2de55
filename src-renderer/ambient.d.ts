// Module kinds Vite resolves for the renderer; svelte-check types the components themselves.
declare module '*.css';
declare module '*.svelte' {
  import type { Component } from 'svelte';
  const component: Component<Record<string, unknown>>;
  export default component;
}
