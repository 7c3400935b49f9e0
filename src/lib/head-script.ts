/**
 * The only script a plain page runs before the reader interacts (kept under 1 KB, inlined in <head>):
 * it applies the remembered theme before first paint, runs the theme toggle, and loads heavier
 * modules from /scripts/<name>.js only on first use (search on focus).
 */
export function headScript(base: string): string {
  const b = JSON.stringify(base.endsWith('/') ? base : `${base}/`);
  return `(()=>{var d=document.documentElement,B=${b},L={},K='atlas-theme';d.classList.add('js');try{var t=localStorage.getItem(K);if(t)d.dataset.theme=t}catch(e){}
function dk(){return d.dataset.theme?d.dataset.theme==='dark':matchMedia('(prefers-color-scheme: dark)').matches}
function sy(){document.querySelectorAll('[data-theme-toggle]').forEach(function(b){b.setAttribute('aria-pressed',String(dk()))})}
function ld(n){return L[n]||(L[n]=import(B+'scripts/'+n+'.js').then(function(m){m.init&&m.init(B);return m}))}
window.atlasLoad=ld;document.addEventListener('DOMContentLoaded',sy);
addEventListener('click',function(e){var x=e.target.closest&&e.target.closest('[data-theme-toggle]');if(!x)return;var n=dk()?'light':'dark';d.dataset.theme=n;try{localStorage.setItem(K,n)}catch(e){}sy()});
addEventListener('focusin',function(e){var x=e.target.closest&&e.target.closest('[data-search]');if(x)ld('search')});
addEventListener('click',function(e){var x=e.target.closest&&e.target.closest('[data-copy]');if(x)ld('copy').then(function(m){m.copy(x)})})})()`;
}
