/**
 * The preload: exposes window.api = { invoke, on } and nothing else. It runs sandboxed, so it is
 * bundled into one CommonJS file whose only import at run time is 'electron'.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { createPlannerApi } from './planner-api-bridge';

contextBridge.exposeInMainWorld('api', createPlannerApi(ipcRenderer));
