// Layerwise for any page: one module that defines every element of the site,
// <layerwise-playground>, <layerwise-sketch> and <layerwise-images>. A course page on any host
// writes
//   <script type="module" src="https://HOST/PATH/layerwise.js"></script>
//   <layerwise-playground dataset="spiral"></layerwise-playground>
// and the element trains: its modules, its engine (worker and wasm) and its pictures come from
// HOST by CORS, which the host must allow (scripts/serve.mjs sends Access-Control-Allow-Origin).
import './playground/element.js';
import './sketch/element.js';
import './images/element.js';
