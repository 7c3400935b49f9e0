/**
 * The only script a plain page runs before the reader interacts (kept under 1 KB, inlined in <head>):
 * it applies the remembered theme before first paint, runs the theme toggle, and loads heavier
 * modules from /scripts/<name>.js only on first use: search on focus, copy on click, link previews on
 * the first pointerover, focus or touch of a [data-preview] link (each such event is handed to the
 * module's hit()), and the citation cart when a [data-cart] box is approached or changed.
 */
export function headScript(base: string): string {
  const b = JSON.stringify(base.endsWith('/') ? base : `${base}/`);
  return `(()=>{var D=document,d=D.documentElement,B=${b},L={},K='atlas-theme',T='[data-theme-toggle]',S,M=matchMedia('(prefers-color-scheme: dark)');d.classList.add('js');try{S=localStorage;var t=S.getItem(K);t&&(d.dataset.theme=t)}catch(e){}
var dk=()=>d.dataset.theme?d.dataset.theme=='dark':M.matches,sy=()=>D.querySelectorAll(T).forEach(b=>b.setAttribute('aria-pressed',dk())),ld=n=>L[n]||=import(B+'scripts/'+n+'.js').then(m=>(m.init?.(B),m)),on=(t,s,f)=>addEventListener(t,e=>{var x=e.target.closest?.(s);x&&f(x,e)},!0);
self.atlasLoad=ld;D.addEventListener('DOMContentLoaded',sy);on('click',T,()=>{var n=dk()?'light':'dark';d.dataset.theme=n;try{S.setItem(K,n)}catch(e){}sy()});on('focusin','[data-search]',()=>ld('search'));on('click','[data-copy]',x=>ld('copy').then(m=>m.copy(x)));on('change','[data-cart]',x=>ld('cart').then(m=>m.set(x)));
['pointerover','focusin','touchstart'].forEach(t=>{on(t,'[data-preview]',(x,e)=>ld('preview').then(m=>m.hit(x,e)));on(t,'[data-cart]',()=>ld('cart'))})})()`;
}
