import 'uplot/dist/uPlot.min.css';
import './style.css';
import { App } from './App.js';

const app = new App();
document.getElementById('app')?.replaceWith(app.element);
void app.init();
